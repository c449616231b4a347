package org.foldbatch.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every record of a file as a list, for tests; production code streams with {@link RecordFile#forEach}. */
public final class RecordLists {

    private RecordLists() {
    }

    public static List<Record> read(Path file) {
        List<Record> out = new ArrayList<>();
        RecordFile.forEach(file, out::add);
        return out;
    }
}
