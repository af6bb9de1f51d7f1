package dev.adapthub.chips.config;

import java.util.List;
import java.util.stream.Collectors;

/** The config could not be parsed or does not follow its schema; carries every problem found. */
public class ConfigException extends Exception {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** All problems, in document order where known. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
