/**
 * The model's weights, read with the shared record format of {@link org.foldbatch.records}:
 * {@link org.foldbatch.model.weights.WeightsSchema} checks a weights file against the official list of 405 records,
 * {@link org.foldbatch.model.weights.ParameterStore} looks parameters up by scope and name. Users bring the weights;
 * this project never ships or downloads them.
 */
package org.foldbatch.model.weights;
