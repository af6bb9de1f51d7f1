package dev.adapthub.chips.validate;

/** How much a finding matters: any ERROR fails the config, a WARNING makes it WARN. */
public enum Severity {
    ERROR, WARNING, INFO
}
