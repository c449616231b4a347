/**
 * AlphaFold 3 input JSON, as AlphaFold 3 reads and writes it.
 *
 * <p>{@link org.foldbatch.input.FoldInputLoader} turns files of either dialect into immutable
 * {@link org.foldbatch.input.FoldInput}s (one {@link org.foldbatch.input.Chain} per chain id, *Path fields inlined);
 * every bad input is an {@link org.foldbatch.input.InputException} with a one-line {@code file: $.json.path: reason}
 * message. {@link org.foldbatch.input.FoldInputWriter} writes the {@code _data.json} bytes AlphaFold 3 writes, and
 * {@link org.foldbatch.input.FoldInputValidator} checks that an input can skip the data pipeline.
 */
package org.foldbatch.input;
