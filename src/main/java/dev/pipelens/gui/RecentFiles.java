package dev.pipelens.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The File &gt; Open Recent list and the theme choice, kept with {@link Preferences}. */
public final class RecentFiles {

    static final int MAX = 10;
    private static final String KEY = "recent.";
    private static final String DARK = "dark";

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The user's own preferences node for the window. */
    public static RecentFiles user() {
        return new RecentFiles(Preferences.userRoot().node("dev/pipelens/gui"));
    }

    /** Most recent first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = node.get(KEY + i, null);
            if (v != null && !v.isBlank()) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    /** Puts {@code file} first. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = list();
        list.remove(abs);
        list.add(0, abs);
        store(list);
    }

    public void remove(Path file) {
        List<Path> list = list();
        list.remove(file.toAbsolutePath().normalize());
        store(list);
    }

    public void clear() {
        store(List.of());
    }

    public boolean dark() {
        return node.getBoolean(DARK, false);
    }

    public void setDark(boolean value) {
        node.putBoolean(DARK, value);
        flush();
    }

    private void store(List<Path> list) {
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) {
                node.put(KEY + i, list.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // preferences are a convenience; the window works without them
        }
    }
}
