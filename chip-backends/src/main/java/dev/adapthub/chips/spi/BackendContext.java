package dev.adapthub.chips.spi;

import dev.adapthub.chips.catalog.ChipCatalog;

/** What the hub hands a backend when creating it: the chip catalog in force. */
public record BackendContext(ChipCatalog catalog) {
}
