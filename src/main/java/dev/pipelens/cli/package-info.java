/**
 * The command line (picocli): {@link dev.pipelens.cli.Cli} builds it, one class per command ({@code plan},
 * {@code vars}, {@code run}, {@code diff}, {@code export}, {@code lint}, {@code open}, {@code bench}), with the
 * shared options in {@link dev.pipelens.cli.InputOptions} and {@link dev.pipelens.cli.ScenarioOptions} and the
 * renderings in {@code *Text}/{@code *Json}. The only package that prints and the only one that imports
 * picocli. Commands open files through {@link dev.pipelens.system.Pipelines} and run builds through
 * {@link dev.pipelens.system.Systems}; they never name a CI system, so a new system needs no change here.
 * Exit codes are those of {@link dev.pipelens.cli.ExitCodes}; bad input is reported as
 * {@code FILE:LINE:COLUMN: message}, never as a stack trace.
 */
package dev.pipelens.cli;
