/**
 * Measured results: benchmark runs made on real hardware, attached to an inference config
 * ({@code adaptations/<config>.results/*.json}), read from the files the tools write
 * ({@code vllm bench serve --save-result}, {@code llama-bench -o json}) or from AdaptHub's own
 * small format ({@value RunReader#SCHEMA_RESOURCE}), checked against the config they claim to
 * measure and compared with the estimate.
 *
 * <p>Plain Java: no Spring, no database. {@link RunReader} turns bytes into a {@link MeasuredRun}
 * or findings; {@link RunCheck} matches a run against a {@link RunExpectation} (model, chip,
 * parallelism, engine, physical limits); {@link Comparison} sets measured against predicted.
 */
package dev.adapthub.chips.results;
