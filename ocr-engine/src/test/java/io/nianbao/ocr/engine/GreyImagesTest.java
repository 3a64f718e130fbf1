package io.nianbao.ocr.engine;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Pages are read within a bound of pixels: larger ones are scaled down, keeping their shape. */
class GreyImagesTest {

    @Test
    void aPageBeyondTheBoundIsScaledDownToItKeepingItsShape() {
        BufferedImage scan = new BufferedImage(4960, 7016, BufferedImage.TYPE_INT_RGB);   // A4 at 600 dpi

        BufferedImage read = GreyImages.grey(GreyImages.atMost(scan, PageReader.MAX_PIXELS));

        assertThat((long) read.getWidth() * read.getHeight()).isLessThanOrEqualTo(PageReader.MAX_PIXELS);
        assertThat((double) read.getWidth() / read.getHeight()).isCloseTo(4960.0 / 7016, within(0.001));
        assertThat(read.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @Test
    void aPageWithinTheBoundIsReadAsItIs() {
        BufferedImage page = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);

        assertThat(GreyImages.atMost(page, PageReader.MAX_PIXELS)).isSameAs(page);
        assertThat(GreyImages.grey(page)).isSameAs(page);
    }
}
