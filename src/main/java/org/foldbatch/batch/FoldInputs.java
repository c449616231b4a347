package org.foldbatch.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.jdbc.JdbcFoldInputStore;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;

/** The stored input of a job, parsed once per process and shared by its steps and partitions. */
public final class FoldInputs {

    private final JdbcFoldInputStore store;
    private final Map<String, FoldInput> parsed = new ConcurrentHashMap<>();

    FoldInputs(JdbcFoldInputStore store) {
        this.store = store;
    }

    public FoldInput get(String inputHash) {
        return parsed.computeIfAbsent(inputHash, hash -> {
            JdbcFoldInputStore.StoredInput stored = store.find(hash)
                    .orElseThrow(() -> new FoldbatchException("no stored input with hash " + hash));
            return new FoldInputLoader().parse(stored.json(), java.nio.file.Path.of(stored.sourcePath())).get(0);
        });
    }
}
