package dev.pipelens.export;

import dev.pipelens.layout.LayeredLayout;
import dev.pipelens.layout.Layout;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.layout.PlanFixture;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Small plans and helpers shared by the exporter tests. */
final class ExportTestSupport {

    /** Labels that need escaping in every format. */
    static final String NASTY = "Say \"hi\" <b>&amp; 'bye' \\ #1 `tick` :rocket: \uD83D\uDE80";

    private ExportTestSupport() {
    }

    /** A small plan: two groups' worth of features, tricky labels, a dangling edge, a multi-line label. */
    static Plan small() {
        return new PlanFixture("pipe \"line\" <1>.yml")
                .cmd("build", "a", Outcome.RUNS)
                .cmd("nasty", NASTY, Outcome.RUNS)
                .step("gate", "Release?", StepType.BLOCK, Outcome.BLOCKED)
                .group("deploy", ":rocket: Deploy", Outcome.GATED)
                .cmd("deploy-eu", "Deploy EU\nsecond line", Outcome.GATED)
                .cmd("deploy-us", "Deploy US", Outcome.DELAYED)
                .in(null)
                .cmd("skip", "Skipped step", Outcome.SKIPPED)
                .cmd("manual", "Manual job", Outcome.MANUAL)
                .cmd("oops", "On failure", Outcome.ON_FAILURE)
                .cmd("never", "Never runs", Outcome.NEVER)
                .edge("build", "nasty").edge("nasty", "gate").implicit("gate", "deploy")
                .edge("deploy-eu", "deploy-us")
                .edge("deploy", "manual", dev.pipelens.plan.EdgeKind.GROUP, true)
                .implicit("manual", "oops").edge("ghost", "never")
                .plan();
    }

    static Layout layout(Plan plan) {
        return new LayeredLayout().layout(plan);
    }

    static byte[] export(Exporter e, Plan plan, Layout layout, ExportOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.export(plan, layout, out, o);
        return out.toByteArray();
    }

    static Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
