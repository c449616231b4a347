/**
 * AlphaFold 3's data pipeline as a plain service: a chain's database searches through a result cache, its merged
 * MSAs built once and stored, template search through a template cache, and the completed input that becomes
 * {@code <name>_data.json}. The caches are interfaces here; their JDBC implementations live in {@code batch.jdbc}
 * and the steps that call this package in {@code batch}.
 */
package org.foldbatch.pipeline;
