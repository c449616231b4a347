/**
 * The AlphaFold 3 record format, shared by the weights ({@code af3.bin.zst} and its variants), the reference test
 * vectors and the feature batches: per record five little-endian int32s (scope, name and dtype lengths, rank, data
 * bytes), then scope, name, numpy dtype name, the shape as int32s and the raw little-endian data.
 * {@link org.foldbatch.records.RecordFile} reads and writes files (zstd when the name ends in {@code .zst}),
 * {@link org.foldbatch.records.RecordReader} and {@link org.foldbatch.records.RecordWriter} stream record by record.
 * This package depends on no other Foldbatch package, so both the featurisation and the model use it.
 */
package org.foldbatch.records;
