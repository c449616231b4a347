/**
 * The AlphaFold 3 record format: weights ({@code af3.bin.zst} and its variants), reference vectors and feature
 * batches. {@link org.foldbatch.model.weights.RecordFile} reads and writes files record by record,
 * {@link org.foldbatch.model.weights.WeightsSchema} checks a weights file against the official list of 405 records,
 * {@link org.foldbatch.model.weights.ParameterStore} looks parameters up by scope and name. Users bring the weights;
 * this project never ships or downloads them.
 */
package org.foldbatch.model.weights;
