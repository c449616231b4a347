package org.foldbatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.foldbatch.FoldbatchException;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.ToolRunner;

/**
 * Finds HMMER, or puts a user-level copy into {@code <data-dir>/tools/hmmer} when the PATH has none, without root.
 * Two routes, tried in this order:
 * <ol>
 * <li>Debian's {@code hmmer} package: {@code apt-get download} (no root needed) and {@code dpkg-deb -x}. The five
 * programs Foldbatch runs link only against the C library, so the extracted {@code usr/bin} works as it is.</li>
 * <li>The Python package index's {@code hmmer} wheel (HMMER 3.4 binaries) with {@code pip install --target}, where a
 * Python 3 is there; the programs are then looked up inside the installed tree.</li>
 * </ol>
 * A C-compiler route (HMMER's release sources) is not offered: it needs a tarball download that package clients do
 * not provide. Either way the installed version is checked to be 3.3 or later before it is used.
 */
final class HmmerInstaller {

    static final String WHEEL = "hmmer==3.4.0.2";
    static final String INSTALL_HINT = "install HMMER 3.3 or later (apt-get install hmmer, conda install -c bioconda "
            + "hmmer or brew install hmmer), or pass --hmmer-binary-dir DIR";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    private HmmerInstaller() {
    }

    /**
     * Adds {@code foldbatch.search.hmmer-binary-dir} to {@code properties} when neither the settings nor the PATH give
     * HMMER: the copy in the data directory, installed first if needed.
     */
    static void provideIfMissing(Map<String, Object> properties) {
        if (properties.containsKey("foldbatch.search.hmmer-binary-dir") || onPath()) {
            return;
        }
        Settings settings = Settings.load(properties);
        if (settings.foldbatch().search().hmmerBinaryDir() != null) {
            return;
        }
        Path bin = locateOrInstall(settings.foldbatch().dataDir());
        properties.put("foldbatch.search.hmmer-binary-dir", bin.toString());
    }

    static boolean onPath() {
        return complete(null);
    }

    static Path home(Path dataDir) {
        return dataDir.resolve("tools").resolve("hmmer");
    }

    /** The directory with the five programs inside {@code <data-dir>/tools/hmmer}, if a copy is installed there. */
    static Optional<Path> installed(Path dataDir) {
        Path home = home(dataDir);
        if (!Files.isDirectory(home)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(home, 8)) {
            return files.filter(f -> f.getFileName().toString().equals("jackhmmer") && Files.isExecutable(f))
                    .map(Path::getParent).filter(HmmerInstaller::complete).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All five programs in {@code dir}, or on the PATH when it is null. */
    private static boolean complete(Path dir) {
        try {
            HmmerBinaries.locate(dir);
            return true;
        } catch (FoldbatchException e) {
            return false;
        }
    }

    static Path locateOrInstall(Path dataDir) {
        Optional<Path> existing = installed(dataDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path home = home(dataDir);
        for (Route route : Route.values()) {
            if (!route.available()) {
                continue;
            }
            System.err.printf("foldbatch: HMMER is not on the PATH; installing it into %s from %s ...%n", home,
                    route.description);
            try {
                Path bin = install(route, home);
                String version = requireRecentEnough(bin);
                System.err.printf("foldbatch: installed %s (%s) into %s; Foldbatch uses it whenever HMMER is not on "
                        + "the PATH%n", version, route.description, bin);
                return bin;
            } catch (FoldbatchException e) {
                System.err.println("foldbatch: " + route.description + " did not work: " + e.getMessage());
            }
        }
        throw new FoldbatchException("HMMER not found on the PATH and no route to install it here: " + INSTALL_HINT);
    }

    /** Installs into a scratch directory beside {@code home}, then moves it in place: no half-installed copy stays. */
    private static Path install(Route route, Path home) {
        try {
            Files.createDirectories(home.getParent());
            Path work = Files.createTempDirectory(home.getParent(), "hmmer-install-");
            try {
                Path root = work.resolve("root");
                route.run(work, root);
                Files.move(root, home, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new FoldbatchException("cannot install into " + home + ": " + e.getMessage(), e);
        }
        return installed(home.getParent().getParent())
                .orElseThrow(() -> new FoldbatchException("the installed tree in " + home + " has no jackhmmer, "
                        + "nhmmer, hmmbuild, hmmalign and hmmsearch together"));
    }

    /** The {@code HMMER x.y.z} banner of the programs in {@code bin}; fails below 3.3. */
    static String requireRecentEnough(Path bin) {
        String version = HmmerBinaries.locate(bin).version(new ToolRunner(null, 64 * 1024));
        if (!atLeast33(version)) {
            throw new FoldbatchException(bin + " has " + version + "; Foldbatch needs HMMER 3.3 or later");
        }
        return version;
    }

    /** True for {@code HMMER 3.3}, {@code HMMER 3.3.2}, {@code HMMER 3.4}, {@code HMMER 4.0} ... */
    static boolean atLeast33(String banner) {
        String[] parts = banner.replaceFirst("^HMMER\\s+", "").split("[^0-9]+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return false;
        }
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 3 || (major == 3 && minor >= 3);
    }

    private enum Route {
        DEBIAN("Debian's hmmer package (apt-get download + dpkg-deb -x, no root)", "apt-get", "dpkg-deb") {
            @Override
            void run(Path work, Path root) {
                exec(work, "apt-get", "download", "hmmer");
                try (Stream<Path> debs = Files.list(work)) {
                    Path deb = debs.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                            .orElseThrow(() -> new FoldbatchException("apt-get download left no .deb file"));
                    exec(work, "dpkg-deb", "-x", deb.toString(), root.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        },
        WHEEL("the Python package index's " + HmmerInstaller.WHEEL + " wheel (pip install --target)", "python3") {
            @Override
            void run(Path work, Path root) {
                exec(work, "python3", "-m", "pip", "install", "--disable-pip-version-check", "--no-deps", "--target",
                        root.toString(), HmmerInstaller.WHEEL);
            }
        };

        final String description;
        private final List<String> tools;

        Route(String description, String... tools) {
            this.description = description;
            this.tools = List.of(tools);
        }

        boolean available() {
            return tools.stream().allMatch(Route::onPath);
        }

        abstract void run(Path work, Path root);

        private static boolean onPath(String tool) {
            String path = System.getenv("PATH");
            return path != null && Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                    .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        }

        private static void exec(Path dir, String... command) {
            try {
                Path log = dir.resolve("install.log");
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                if (!p.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new FoldbatchException(String.join(" ", command) + " took longer than " + STEP_TIMEOUT);
                }
                if (p.exitValue() != 0) {
                    List<String> lines = Files.readAllLines(log);
                    throw new FoldbatchException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                            + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
                }
            } catch (IOException e) {
                throw new FoldbatchException(command[0] + " could not run: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FoldbatchException(command[0] + " was interrupted", e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
