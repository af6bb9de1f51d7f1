package dev.adapthub.chips.export;

import java.util.List;

/**
 * A config rendered in an engine's own form.
 *
 * @param text  what to paste or run (a command line, a YAML or JSON document)
 * @param notes what the engine form could not express or what the user must still fill in; never null
 */
public record Export(String text, List<String> notes) {

    public Export {
        notes = List.copyOf(notes);
    }
}
