/**
 * The seam between Pipelens and the CI systems it reads. Each system implements
 * {@link dev.pipelens.system.CiSystemSupport} once, in its own package (how strongly it claims a file, how
 * to open it for planning, its run rules, presets and what-if facts) and is listed once in
 * {@link dev.pipelens.system.Systems}, the only class outside a system's package that names one.
 * {@link dev.pipelens.system.Pipelines} opens a file with the system that claims it most strongly
 * ({@link dev.pipelens.system.Systems#detect}), passing every system the same
 * {@link dev.pipelens.system.OpenOptions} (project root, include map).
 *
 * <p>Adding a system: write its package ({@code dev.pipelens.<system>} with {@code expr}, {@code plan} and
 * {@code run} subpackages as needed), implement {@code CiSystemSupport} and its
 * {@link dev.pipelens.plan.PipelinePlanner} and {@link dev.pipelens.simulate.Semantics}, add a
 * {@link dev.pipelens.model.CiSystem} constant for its id, and register it in {@code Systems}.
 */
package dev.pipelens.system;
