package org.foldbatch.records;

/** A record stream or record set that is not what the format or the schema requires. */
public class RecordFormatException extends RuntimeException {
    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
