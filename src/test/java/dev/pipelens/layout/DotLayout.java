package dev.pipelens.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelens.plan.Plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Graphviz {@code dot} as a reference for {@link LayoutReport}: the same boxes (sizes from the standard
 * layout), groups as clusters, left to right; the drawing is read back from {@code dot -Tjson} with every
 * spline sampled into a polyline. Used only when {@code dot} is on the PATH.
 */
final class DotLayout {

    private DotLayout() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code dot}'s drawing of the same boxes as {@code boxes} (a layout of the same plan), or null. */
    static Layout layout(Plan plan, Layout boxes) {
        Map<String, LayoutNode> nodes = boxes.nodesById();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (LayoutNode n : boxes.nodes()) {
            if (n.group() != null) {
                members.computeIfAbsent(n.group(), k -> new ArrayList<>()).add(n.id());
            }
        }
        StringBuilder dot = new StringBuilder("digraph G {\n rankdir=LR; compound=true; nodesep=0.19; ranksep=0.55;\n"
                + " node [shape=box, fixedsize=true, label=\"\"];\n");
        List<String> ids = new ArrayList<>(nodes.keySet());
        Map<String, Integer> num = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            num.put(ids.get(i), i);
        }
        for (LayoutNode n : boxes.nodes()) {
            if (n.group() == null) {
                dot.append(node(num.get(n.id()), n));
            }
        }
        int c = 0;
        Map<String, Integer> cluster = new HashMap<>();
        for (Map.Entry<String, List<String>> g : members.entrySet()) {
            cluster.put(g.getKey(), c);
            dot.append(" subgraph cluster_").append(c++).append(" { margin=12; label=\"\"; \n");
            for (String id : g.getValue()) {
                dot.append("  ").append(node(num.get(id), nodes.get(id)));
            }
            dot.append(" }\n");
        }
        for (LayoutEdge e : boxes.edges()) {
            String from = endNode(e.from(), nodes, members);
            String to = endNode(e.to(), nodes, members);
            if (from == null || to == null) {
                continue;
            }
            dot.append(" n").append(num.get(from)).append(" -> n").append(num.get(to)).append(" [");
            if (members.containsKey(e.from())) {
                dot.append("ltail=cluster_").append(cluster.get(e.from())).append(' ');
            }
            if (members.containsKey(e.to())) {
                dot.append("lhead=cluster_").append(cluster.get(e.to())).append(' ');
            }
            dot.append("];\n");
        }
        dot.append("}\n");
        try {
            Process p = new ProcessBuilder("dot", "-Tjson").start();
            p.getOutputStream().write(dot.toString().getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] json = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return read(new ObjectMapper().readTree(json), boxes, ids, members);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String node(int i, LayoutNode n) {
        return String.format(Locale.ROOT, "n%d [width=%.4f, height=%.4f];\n", i, n.width() / 72, n.height() / 72);
    }

    private static String endNode(String id, Map<String, LayoutNode> nodes, Map<String, List<String>> members) {
        if (nodes.containsKey(id)) {
            return id;
        }
        List<String> m = members.get(id);
        return m == null || m.isEmpty() ? null : m.get(0);
    }

    private static Layout read(JsonNode g, Layout boxes, List<String> ids, Map<String, List<String>> members) {
        double[] bb = nums(g.get("bb").asText());
        double h = bb[3];
        Map<String, Rect> rects = new HashMap<>();
        List<LayoutGroup> groups = new ArrayList<>();
        List<String> groupIds = new ArrayList<>(members.keySet());
        for (JsonNode o : g.path("objects")) {
            String name = o.path("name").asText();
            if (name.startsWith("cluster_")) {
                double[] b = nums(o.get("bb").asText());
                String id = groupIds.get(Integer.parseInt(name.substring(8)));
                LayoutGroup orig = boxes.group(id).orElseThrow();
                groups.add(new LayoutGroup(id, orig.label(), orig.title(), orig.outcome(),
                        new Rect(b[0], h - b[3], b[2] - b[0], b[3] - b[1]), orig.titleHeight()));
            } else if (name.startsWith("n") && o.has("pos")) {
                double[] pos = nums(o.get("pos").asText());
                double w = o.get("width").asDouble() * 72;
                double hh = o.get("height").asDouble() * 72;
                rects.put(ids.get(Integer.parseInt(name.substring(1))), new Rect(pos[0] - w / 2, h - pos[1] - hh / 2, w, hh));
            }
        }
        List<LayoutNode> nodes = new ArrayList<>();
        for (LayoutNode n : boxes.nodes()) {
            nodes.add(new LayoutNode(n.id(), n.label(), n.lines(), n.type(), n.outcome(), n.jobs(), n.group(), n.layer(),
                    rects.get(n.id())));
        }
        List<LayoutEdge> edges = new ArrayList<>();
        int k = 0;
        List<LayoutEdge> drawn = new ArrayList<>();
        for (LayoutEdge e : boxes.edges()) {
            if (endNode(e.from(), boxes.nodesById(), members) != null && endNode(e.to(), boxes.nodesById(), members) != null) {
                drawn.add(e);
            }
        }
        for (JsonNode e : g.path("edges")) {
            if (k >= drawn.size()) {
                break;
            }
            LayoutEdge orig = drawn.get(k++);
            List<Point> pts = spline(e.path("pos").asText(), h);
            if (pts.size() >= 2) {
                edges.add(new LayoutEdge(orig.from(), orig.to(), orig.kind(), orig.allowFailure(), LayoutEdge.Route.DIRECT,
                        pts));
            }
        }
        return new Layout(nodes, groups, edges, bb[2], bb[3], boxes.layers(), boxes.metrics());
    }

    /** A dot spline ({@code [e,x,y] p0 p1 p2 p3 ...}) as a polyline, 8 samples per cubic piece. */
    private static List<Point> spline(String pos, double h) {
        List<double[]> ctl = new ArrayList<>();
        double[] end = null;
        for (String tok : pos.trim().split("\\s+")) {
            if (tok.startsWith("e,")) {
                end = nums(tok.substring(2));
            } else if (!tok.startsWith("s,") && !tok.isEmpty()) {
                ctl.add(nums(tok));
            }
        }
        List<Point> out = new ArrayList<>();
        if (ctl.isEmpty()) {
            return out;
        }
        out.add(new Point(ctl.get(0)[0], h - ctl.get(0)[1]));
        for (int i = 0; i + 3 < ctl.size() + 0 && i + 3 <= ctl.size() - 1; i += 3) {
            double[] p0 = ctl.get(i);
            double[] p1 = ctl.get(i + 1);
            double[] p2 = ctl.get(i + 2);
            double[] p3 = ctl.get(i + 3);
            for (int s = 1; s <= 8; s++) {
                double t = s / 8.0;
                double u = 1 - t;
                double x = u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0];
                double y = u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1];
                out.add(new Point(x, h - y));
            }
        }
        if (end != null) {
            out.add(new Point(end[0], h - end[1]));
        }
        return out;
    }

    private static double[] nums(String s) {
        String[] parts = s.split(",");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            d[i] = Double.parseDouble(parts[i].trim());
        }
        return d;
    }
}
