package dev.adapthub.core.namespace;

/** Who owns a namespace. */
public enum NamespaceKind {
    USER, ORGANIZATION
}
