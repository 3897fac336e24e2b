import dev.pipelens.cli.Cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden outputs for behaviour-preserving refactors: runs {@code plan} (json and text), {@code run --unblock all}
 * (json) and {@code diff} (json) in-process for every sample and every corpus file in a few scenarios and writes
 * each answer (stdout, stderr, exit code) to its own file under OUT. Compare two OUT folders with {@code diff -r}.
 *
 * <pre>mvn -q package -DskipTests &amp;&amp; java -cp target/pipelens.jar docs/tools/Golden.java /tmp/golden [CORPUS]</pre>
 *
 * CORPUS defaults to {@code ../shared/corpus}; it is skipped with a message when absent.
 */
public final class Golden {

    private static final String[][] SCENARIOS = {
            {"default"},
            {"tag", "--tag", "v1.2.0"},
            {"schedule", "--source", "schedule"},
            {"pr", "--pull-request", "42", "--branch", "feature/x"},
    };

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/golden");
        Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpus");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().endsWith(".md")
                                && !p.getFileName().toString().endsWith(".tsv"))
                        .sorted().forEach(files::add);
            }
        } else {
            System.err.println("golden: corpus " + corpus + " absent, samples only");
        }
        Files.createDirectories(out);
        int n = 0;
        for (Path file : files) {
            String name = file.toString().replace("../", "").replace('/', '_');
            for (String[] sc : SCENARIOS) {
                List<String> scenario = List.of(sc).subList(1, sc.length);
                n += write(out, name + "." + sc[0] + ".plan.json", concat(List.of("plan", file.toString(), "--format", "json"), scenario));
                n += write(out, name + "." + sc[0] + ".plan.txt", concat(List.of("plan", file.toString()), scenario));
                n += write(out, name + "." + sc[0] + ".run.json",
                        concat(List.of("run", file.toString(), "--unblock", "all", "--format", "json"), scenario));
            }
            n += write(out, name + ".auto.plan.json", List.of("plan", file.toString(), "--scenarios", "auto", "--format", "json"));
            n += write(out, name + ".lint.json", List.of("lint", file.toString(), "--format", "json"));
        }
        String before = "samples/buildkite/release-before.yml";
        String after = "samples/buildkite/release.yml";
        for (String[] sc : SCENARIOS) {
            List<String> scenario = List.of(sc).subList(1, sc.length);
            n += write(out, "diff.release." + sc[0] + ".json", concat(List.of("diff", before, after, "--format", "json"), scenario));
        }
        n += write(out, "diff.release.auto.json", List.of("diff", before, after, "--scenarios", "auto", "--format", "json"));
        n += write(out, "diff.release.auto.txt", List.of("diff", before, after, "--scenarios", "auto"));
        System.out.println("golden: " + n + " outputs from " + files.size() + " files in " + out);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int write(Path dir, String name, List<String> args) throws IOException {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc;
        try (PrintWriter out = new PrintWriter(o); PrintWriter err = new PrintWriter(e)) {
            rc = Cli.newCommandLine(out, err).execute(args.toArray(String[]::new));
        }
        String text = "$ pipelens " + String.join(" ", args) + "\n" + o + "--- stderr\n" + e + "--- exit " + rc + "\n";
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        return 1;
    }
}
