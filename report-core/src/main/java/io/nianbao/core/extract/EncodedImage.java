package io.nianbao.core.extract;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

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

    @Override
    public BufferedImage render() throws IOException {
        return withReader(bytes.read(), reader -> {
            long width = reader.getWidth(frame);
            long height = reader.getHeight(frame);
            ReadingLimits.checkImagePixels(width, height);
            int step = (int) Math.ceil(Math.sqrt((double) width * height / ReadingLimits.MAX_RENDERED_PIXELS));
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return reader.read(frame, param);
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
