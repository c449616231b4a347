package org.foldbatch.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.foldbatch.FoldbatchException;
import org.foldbatch.batch.DataPipelineResources;
import org.foldbatch.batch.FoldbatchProperties;
import org.foldbatch.model.RandomWeights;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.MmseqsBinary;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.SequenceDatabase;
import org.foldbatch.msa.ToolRunner;
import org.foldbatch.pipeline.DatabaseLocations;
import org.foldbatch.template.TemplateDatabase;

/** Every prerequisite of a run, checked against the settings the run would use; one {@link Checkup} each. */
final class Doctor {

    static final long GIB = 1L << 30;

    private final Settings settings;
    private final FoldbatchProperties foldbatch;

    Doctor(Settings settings) {
        this.settings = settings;
        this.foldbatch = settings.foldbatch();
    }

    List<Checkup> examine(Path outputDir) {
        List<Checkup> all = new ArrayList<>();
        all.add(java());
        all.add(build());
        all.add(hmmer());
        all.add(gnuTime());
        all.add(mmseqs());
        all.addAll(databases());
        all.add(ccd());
        all.add(weights());
        all.add(jobRepository());
        all.add(broker());
        all.add(disk("output dir", outputDir));
        all.add(disk("data dir", foldbatch.dataDir()));
        return all;
    }

    static Checkup java() {
        Runtime.Version v = Runtime.version();
        String found = "Java " + v + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
        return v.feature() >= 17 ? Checkup.ok("java", found)
                : Checkup.missing("java", found, "install a JDK 17 or later and put it first on the PATH");
    }

    static Checkup build() {
        String found = "foldbatch " + BuildInfo.version() + ", TensorFlow " + BuildInfo.classifier();
        if (!BuildInfo.isGpuBuild()) {
            return Checkup.ok("build", found + " (CPU build, no GPU needed)");
        }
        boolean gpu = Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/dev/nvidiactl"));
        return gpu ? Checkup.ok("gpu", found + "; an NVIDIA device is visible (/dev/nvidia*)")
                : Checkup.missing("gpu", found + " (GPU build) but no NVIDIA device or driver is visible",
                        "install the NVIDIA driver and CUDA 12, or use the CPU build (mvn package without -Pgpu)");
    }

    Checkup hmmer() {
        Path dir = foldbatch.search().hmmerBinaryDir();
        String where = dir != null ? "in " + dir : "on the PATH";
        if (dir == null && !HmmerInstaller.onPath()) {
            var installed = HmmerInstaller.installed(foldbatch.dataDir());
            if (installed.isEmpty()) {
                return Checkup.missing("hmmer", "not on the PATH and no copy in "
                        + HmmerInstaller.home(foldbatch.dataDir()), "'foldbatch doctor --install-hmmer' (run does it "
                        + "by itself) or " + HmmerInstaller.INSTALL_HINT);
            }
            dir = installed.get();
            where = "installed by Foldbatch in " + dir;
        }
        try {
            String version = HmmerBinaries.locate(dir).version(new ToolRunner(null, 64 * 1024));
            return HmmerInstaller.atLeast33(version) ? Checkup.ok("hmmer", version + " " + where)
                    : Checkup.missing("hmmer", version + " " + where + " is older than 3.3", HmmerInstaller.INSTALL_HINT);
        } catch (FoldbatchException | IllegalStateException e) {
            return Checkup.missing("hmmer", e.getMessage(), HmmerInstaller.INSTALL_HINT);
        }
    }

    /** MMseqs2: needed only when a {@code foldbatch.search.engine.<db>} setting (or a campaign) chooses it. */
    Checkup mmseqs() {
        boolean chosen;
        try {
            chosen = DatabaseLocations.engines(foldbatch.search().engine()).containsValue(SearchTool.MMSEQS2);
        } catch (IllegalArgumentException e) {
            return Checkup.missing("search engine", e.getMessage(),
                    "foldbatch.search.engine.<protein database>=jackhmmer or mmseqs2");
        }
        String fix = "apt-get install mmseqs2, or set foldbatch.search.mmseqs-binary in the --config file";
        try {
            MmseqsBinary binary = MmseqsBinary.locate(foldbatch.search().mmseqsBinary());
            return Checkup.ok("mmseqs2", binary.version(new ToolRunner(null, 64 * 1024)) + " at " + binary.path());
        } catch (FoldbatchException | IllegalStateException e) {
            return chosen ? Checkup.missing("mmseqs2", e.getMessage(), fix)
                    : Checkup.note("mmseqs2", "not installed (optional): only databases or campaigns that choose "
                            + "the mmseqs2 search engine need it", fix);
        }
    }

    static Checkup gnuTime() {
        return new ToolRunner().measuresCpuExactly()
                ? Checkup.ok("gnu time", ToolRunner.DEFAULT_TIME_BINARY + ": exact CPU seconds of every tool run")
                : Checkup.note("gnu time", "not installed (optional): CPU seconds of tool runs are sampled",
                        "apt-get install time, for exact figures");
    }

    /** Each database file (or every shard) present and readable; sharded ones need a Z value. */
    List<Checkup> databases() {
        List<Checkup> lines = new ArrayList<>();
        DataPipelineResources resources = new DataPipelineResources(foldbatch);
        try {
            resources.databaseConfig();
        } catch (FoldbatchException e) {
            lines.add(Checkup.missing("z values", e.getMessage(), "--z-value NAME=Z (AlphaFold 3: --<db>_z_value)"));
        }
        DatabaseLocations locations = resources.locations();
        for (SequenceDatabase database : SequenceDatabase.values()) {
            String role = database.role();
            String path = locations.path(role, database.defaultFile());
            DatabaseSpec spec = DatabaseSpec.of(role, path, 1.0);
            try {
                spec.requireFiles();
                lines.add(Checkup.ok(role, path + (spec.sharded() ? " (" + spec.files().size() + " shards)" : "")));
            } catch (IllegalArgumentException e) {
                lines.add(Checkup.missing(role, e.getMessage(), "--db-dir DIR or --database " + role + "=PATH"));
            }
        }
        Path seqres = Path.of(locations.path(TemplateDatabase.PDB_SEQRES.role(), TemplateDatabase.PDB_SEQRES.defaultFile()));
        lines.add(Files.isReadable(seqres) ? Checkup.ok("pdb seqres", seqres.toString())
                : Checkup.missing("pdb seqres", seqres + " is missing or unreadable",
                        "--database pdb-seqres=PATH (AlphaFold 3: --seqres_database_path)"));
        Path mmcif = Path.of(locations.path(TemplateDatabase.PDB_MMCIF_DIR.role(),
                TemplateDatabase.PDB_MMCIF_DIR.defaultFile()));
        lines.add(Files.isDirectory(mmcif) ? Checkup.ok("pdb mmcif", mmcif.toString())
                : Checkup.missing("pdb mmcif", mmcif + " is not a directory",
                        "--database pdb-mmcif-dir=DIR (AlphaFold 3: --pdb_database_path)"));
        return lines;
    }

    Checkup ccd() {
        Path ccd = foldbatch.featurisation().ccdPath();
        if (ccd == null) {
            return Checkup.note("ccd", "not set: ligands and modified residues need the wwPDB Chemical Component "
                    + "Dictionary", "--ccd-path components.cif (foldbatch.featurisation.ccd-path)");
        }
        return Files.isReadable(ccd) ? Checkup.ok("ccd", ccd.toString())
                : Checkup.missing("ccd", ccd + " is missing or unreadable", "point --ccd-path at components.cif");
    }

    Checkup weights() {
        Path dir = foldbatch.inference().modelDir();
        String fix = "--model-dir DIR holding AlphaFold 3's af3.bin.zst (for a test-only run: foldbatch "
                + "random-weights DIR)";
        if (dir == null) {
            return Checkup.missing("weights", "no model directory set (needed unless --run_inference=false)", fix);
        }
        if (!Files.isDirectory(dir)) {
            return Checkup.missing("weights", dir + " is not a directory", fix);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("af3(\\.\\d+)?\\.bin(\\.zst)?") || n.equals(RandomWeights.FILE_NAME))
                    .sorted().toList();
            if (names.isEmpty()) {
                return Checkup.missing("weights", dir + " has no af3.bin.zst, af3.bin or af3.<n>.bin.zst", fix);
            }
            boolean random = names.contains(RandomWeights.FILE_NAME);
            return random ? Checkup.note("weights", dir + ": random test-only weights (meaningless structures)", fix)
                    : Checkup.ok("weights", dir + ": " + String.join(", ", names));
        } catch (IOException e) {
            return Checkup.missing("weights", dir + ": " + e.getMessage(), fix);
        }
    }

    Checkup jobRepository() {
        String url = settings.get("spring.datasource.url");
        try {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(url, settings.get("spring.datasource.username"),
                    settings.get("spring.datasource.password"))) {
                return Checkup.ok("database", url + " (" + c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion() + ")");
            }
        } catch (SQLException e) {
            return Checkup.missing("database", url + ": " + e.getMessage().lines().findFirst().orElse(""),
                    "start the database or fix --db-url / --db-user / --db-password");
        }
    }

    Checkup broker() {
        String addresses = settings.get("spring.rabbitmq.addresses");
        boolean remote = Boolean.parseBoolean(settings.get("foldbatch.remote.enabled"));
        if (addresses == null && !remote) {
            return Checkup.ok("broker", "none configured (only remote workers need RabbitMQ)");
        }
        Map.Entry<String, Integer> at = brokerAddress(addresses);
        String where = at.getKey() + ":" + at.getValue();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(at.getKey(), at.getValue()), 3000);
            return Checkup.ok("broker", "RabbitMQ port open at " + where);
        } catch (IOException e) {
            return Checkup.missing("broker", "cannot connect to " + where + ": " + e.getMessage(),
                    "start RabbitMQ or fix --broker");
        }
    }

    private Map.Entry<String, Integer> brokerAddress(String addresses) {
        if (addresses != null) {
            String first = addresses.split(",")[0].trim();
            URI uri = URI.create(first.contains("://") ? first : "amqp://" + first);
            return Map.entry(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5672);
        }
        String host = settings.get("spring.rabbitmq.host");
        String port = settings.get("spring.rabbitmq.port");
        return Map.entry(host != null ? host : "localhost", port != null ? Integer.parseInt(port) : 5672);
    }

    /** Free space where {@code dir} is (or would be created): under 1 GiB is missing, under 20 GiB a note. */
    static Checkup disk(String subject, Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            return Checkup.missing(subject, dir + " cannot be created (" + existing + " is not writable)",
                    "choose a writable directory");
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String found = String.format("%.1f GiB free at %s", free / (double) GIB, dir.toAbsolutePath().normalize());
            if (free < GIB) {
                return Checkup.missing(subject, found, "free disk space or choose another directory");
            }
            return free < 20 * GIB ? Checkup.note(subject, found, "a full-size fold writes up to a few GiB")
                    : Checkup.ok(subject, found);
        } catch (IOException e) {
            return Checkup.missing(subject, dir + ": " + e.getMessage(), "choose another directory");
        }
    }
}
