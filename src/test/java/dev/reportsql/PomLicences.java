package dev.reportsql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licence names an artifact's POM declares, from the local Maven repository, following parent
 * POMs when the artifact's own POM names none (Guava, Jackson and others declare it in a parent).
 */
final class PomLicences {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern LICENCES = Pattern.compile("<licenses>(.*?)</licenses>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("<name>\\s*(.*?)\\s*</name>", Pattern.DOTALL);
    private static final Pattern LICENCE = Pattern.compile("<license>(.*?)</license>", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("<url>\\s*(.*?)\\s*</url>", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);

    private PomLicences() {
    }

    /** e.g. {@code "The Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0.txt)"}; several licences are joined with "; ". */
    static String declared(Path repository, String groupArtifact, String version) throws IOException {
        String[] ga = groupArtifact.split(":");
        return declared(repository, ga[0], ga[1], version, 0);
    }

    private static String declared(Path repository, String group, String artifact, String version, int depth)
            throws IOException {
        Path pom = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        if (!Files.isRegularFile(pom)) {
            return "(no POM at " + pom + ")";
        }
        String xml = COMMENT.matcher(Files.readString(pom, StandardCharsets.UTF_8)).replaceAll("");
        Matcher licences = LICENCES.matcher(xml);
        if (licences.find()) {
            List<String> names = new ArrayList<>();
            Matcher licence = LICENCE.matcher(licences.group(1));
            while (licence.find()) {
                // The URL as well: a name such as "The BSD License" says which BSD licence only through it.
                Matcher name = NAME.matcher(licence.group(1));
                Matcher url = URL.matcher(licence.group(1));
                names.add((name.find() ? name.group(1) : "") + (url.find() ? " (" + url.group(1) + ")" : ""));
            }
            return String.join("; ", names);
        }
        Matcher parent = PARENT.matcher(xml);
        if (parent.find() && depth < 8) {
            String p = parent.group(1);
            return declared(repository, tag(p, "groupId"), tag(p, "artifactId"), tag(p, "version"), depth + 1);
        }
        return "(no licence declared in " + pom + ")";
    }

    private static String tag(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">\\s*(.*?)\\s*</" + tag + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : "";
    }
}
