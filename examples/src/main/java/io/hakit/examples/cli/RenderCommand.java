package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Deployment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakit render --vendor V FILE [--out DIR]}: the vendor configuration a topology needs, as files. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write the configuration the topology needs for one vendor, as files.",
            "Vendors: iis, citrix, f5, as3 (an AS3 declaration), mermaid (a picture of the topology).",
            "Without --out the files are printed, each under a '==> name <==' header.",
            "Exit 0: written; 1: the topology has errors; 2: the input could not be read."})
final class RenderCommand implements Callable<Integer> {

    @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "iis, citrix, f5, as3 or mermaid.")
    String vendor;

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = {"Write the files into this directory (created if missing).",
        "A directory that already holds files is refused unless --force; a symbolic link in it is never followed."})
    Path out;

    @Option(names = "--force", description = "Write into a non-empty --out directory, replacing files of the same names.")
    boolean force;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Deployment d = Topologies.loadValid(file);
        VendorSupport support = Vendors.of(vendor);
        Map<String, String> files = support.render(d);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            if (files.size() == 1) {
                stdout.print(files.values().iterator().next());
            } else {
                files.forEach((name, text) -> stdout.printf("==> %s <==%n%s%n", name, text));
            }
        } else {
            try {
                write(files, stdout);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("--out " + out + ": " + e.getFile() + " appeared while hakit was "
                        + "writing; nothing of it was overwritten");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
            }
        }
        stdout.flush();
        return Hakit.OK;
    }

    /**
     * Writes the files into {@link #out}: into an empty (or new) directory with create-new semantics that never
     * follow a link; with {@code --force} into a non-empty one, refusing first when any target is a symbolic link
     * or not a regular file, and replacing each by an atomic move of a new file (a move replaces a name, it does
     * not write through it).
     */
    private void write(Map<String, String> files, PrintWriter stdout) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        Files.createDirectories(out);
        long entries;
        try (Stream<Path> listing = Files.list(out)) {
            entries = listing.count();
        }
        if (entries > 0 && !force) {
            throw new IllegalArgumentException("--out " + out + " is not empty (" + entries + (entries == 1
                    ? " entry" : " entries") + "); choose an empty directory, or add --force to replace the files "
                    + "hakit writes there");
        }
        for (String name : files.keySet()) {
            Path target = out.resolve(name);
            if (!target.getParent().equals(out)) {
                throw new IllegalStateException("render file name " + name + " is not a plain file name");
            }
            if (Files.isSymbolicLink(target)) {
                throw new IllegalArgumentException("--out " + out + ": " + name + " is a symbolic link; hakit does "
                        + "not write through links it did not create: remove it first; nothing was written");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--out " + out + ": " + name + " is not a regular file; nothing "
                        + "was written");
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = out.resolve(f.getKey());
            byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
            if (entries == 0) {
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } else {
                // a new name of hakit's own (create-new: never an existing file or link), moved over the target
                Path temp = out.resolve("." + f.getKey() + "." + UUID.randomUUID() + ".hakit.tmp");
                try {
                    Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                            && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
                        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target,
                                LinkOption.NOFOLLOW_LINKS));
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            stdout.printf("wrote %s (%,d bytes)%n", target, content.length);
        }
    }
}
