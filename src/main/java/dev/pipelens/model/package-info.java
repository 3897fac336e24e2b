/**
 * Immutable, provider-neutral domain records: source spans, diagnostics, scenarios and the Buildkite
 * step model. Depends on nothing but {@code java.*}.
 */
package dev.pipelens.model;
