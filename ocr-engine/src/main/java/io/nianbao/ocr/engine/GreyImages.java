package io.nianbao.ocr.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Grey images as OCR takes them: converted, scaled, rotated (white where the page does not reach). */
final class GreyImages {

    private GreyImages() {
    }

    /** The image in 8-bit grey, the same object when it already is. */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage resize(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** The image scaled down to at most {@code maxPixels}, the same object when it has no more. */
    static BufferedImage atMost(BufferedImage image, long maxPixels) {
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels <= maxPixels) {
            return image;
        }
        double scale = Math.sqrt((double) maxPixels / pixels);
        return resize(image, Math.max(1, (int) (image.getWidth() * scale)), Math.max(1, (int) (image.getHeight() * scale)));
    }

    /** Rows {@code [top, bottom)} of a grey image on white, with {@code margin} white rows above and below. */
    static BufferedImage rows(BufferedImage grey, int top, int bottom, int margin) {
        BufferedImage out = new BufferedImage(grey.getWidth(), bottom - top + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(grey.getSubimage(0, top, grey.getWidth(), bottom - top), 0, margin, null);
        g.dispose();
        return out;
    }

    /** The image turned by {@code radians} (clockwise on screen) about its centre, same size. */
    static BufferedImage rotate(BufferedImage image, double radians) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(radians, image.getWidth() / 2.0, image.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }
}
