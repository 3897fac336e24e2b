import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws the Pipelens icon (a tiny layered graph: a step that runs, a gate, a gated step, under a lens)
 * as assets/pipelens.png. Run from the repository root: java packaging/MakeIcon.java
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2b2f4a), s, s, new Color(0x151827)));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 56, 56));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x9aa3b5));
        g.draw(new CubicCurve2D.Double(78, 92, 112, 92, 100, 128, 128, 128));
        g.draw(new CubicCurve2D.Double(78, 164, 112, 164, 100, 128, 128, 128));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {12f, 11f}, 0f));
        g.draw(new CubicCurve2D.Double(150, 128, 170, 128, 168, 128, 186, 128));
        node(g, 40, 74, new Color(0x22a05a));
        node(g, 40, 146, new Color(0x22a05a));
        node(g, 112, 110, new Color(0xe09a12));
        node(g, 184, 110, new Color(0x7c5ce6));
        g.setStroke(new BasicStroke(12f));
        g.setColor(new Color(255, 255, 255, 220));
        g.drawOval(88, 70, 116, 116);
        g.setStroke(new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(190, 172, 222, 206);
        g.dispose();
        File out = new File(args.length > 0 ? args[0] : "assets/pipelens.png");
        ImageIO.write(img, "png", out);
        System.out.println("wrote " + out);
    }

    private static void node(Graphics2D g, int x, int y, Color c) {
        g.setColor(c);
        g.fill(new RoundRectangle2D.Double(x, y, 38, 36, 12, 12));
        g.setColor(c.brighter());
        g.setStroke(new BasicStroke(3f));
        g.draw(new RoundRectangle2D.Double(x, y, 38, 36, 12, 12));
    }
}
