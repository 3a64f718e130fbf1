package io.nianbao.core.extract;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import static java.lang.Math.ceilDiv;

/**
 * An image in a format ImageIO reads (PNG, JPEG, TIFF, GIF, BMP): one frame of its bytes (a page
 * of a multi-page TIFF). Its size is read from its header before any pixel is decoded.
 *
 * @param bytes where its bytes come from, each time it is rendered
 * @param frame which of the image's frames it is
 */
record EncodedImage(int index, Bytes bytes, int frame) implements DocumentImage {

    /** The bytes of an image, read again for each rendering so that none is held in between. */
    @FunctionalInterface
    interface Bytes {
        byte[] read() throws IOException;
    }

    /**
     * The frame in grey, as OCR reads it, subsampled to within {@link ReadingLimits#renderedPixels}:
     * decoded a band of at most {@link ReadingLimits#MAX_RENDERED_PIXELS} at a time, so that a long
     * image kept at full scale (up to {@link ReadingLimits#MAX_IMAGE_PIXELS}, one byte each in grey)
     * is never held whole in colour (four bytes each). A transparent pixel is white paper.
     */
    @Override
    public BufferedImage render() throws IOException {
        return withReader(bytes.read(), reader -> {
            int width = reader.getWidth(frame);
            int height = reader.getHeight(frame);
            ReadingLimits.checkImagePixels(width, height);
            int step = (int) Math.ceil(Math.sqrt((double) width * height / ReadingLimits.renderedPixels(width, height)));
            BufferedImage grey = new BufferedImage(ceilDiv(width, step), ceilDiv(height, step), BufferedImage.TYPE_BYTE_GRAY);
            int bandRows = (int) Math.max(step, ReadingLimits.MAX_RENDERED_PIXELS / width / step * step);
            Graphics2D g = grey.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
                for (int top = 0; top < height; top += bandRows) {
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceRegion(new Rectangle(0, top, width, Math.min(bandRows, height - top)));
                    param.setSourceSubsampling(step, step, 0, 0);
                    g.drawImage(reader.read(frame, param), 0, top / step, null);
                }
            } finally {
                g.dispose();
            }
            return grey;
        });
    }

    /**
     * The frames of an image's bytes, each within {@link ReadingLimits#MAX_IMAGE_PIXELS} by its
     * header; {@link ReadingLimits#MAX_IMAGES} of them at most.
     *
     * @throws IOException when the bytes are no image ImageIO reads
     */
    static int frames(byte[] image) throws IOException {
        return withReader(image, reader -> {
            int frames = 0;
            try {
                while (true) {
                    ReadingLimits.checkImagePixels(reader.getWidth(frames), reader.getHeight(frames));
                    ReadingLimits.checkImageCount(++frames);
                }
            } catch (IndexOutOfBoundsException past) {
                return frames;
            }
        });
    }

    /** Checks the first frame's size on its header, when ImageIO reads the format (EMF, WMF, SVG it does not). */
    static void checkSize(byte[] image) throws IOException {
        if (readable(image)) {
            withReader(image, reader -> {
                ReadingLimits.checkImagePixels(reader.getWidth(0), reader.getHeight(0));
                return null;
            });
        }
    }

    private static boolean readable(byte[] image) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            return ImageIO.getImageReaders(in).hasNext();
        }
    }

    @FunctionalInterface
    private interface ReaderUse<T> {
        T apply(ImageReader reader) throws IOException;
    }

    /** Runs {@code use} with a reader of the image's format set on its bytes, metadata ignored. */
    private static <T> T withReader(byte[] image, ReaderUse<T> use) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image format ImageIO reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                return use.apply(reader);
            } finally {
                reader.dispose();
            }
        }
    }
}
