package io.nianbao.cli.bench;

/**
 * What the bench's OCR step measured: text reports published alone, then as many again right
 * after a burst of scans (which only ocr-service reads, on a topic of its own), each timed from
 * publication to notification.sent; and what ocr-service spent on the scans.
 *
 * @param textAlone      the text reports alone, published as fast as the producer takes them
 * @param scans          the scans, published first in the burst, until each reached notification.sent
 * @param textAfterScans the text reports published right after the scans
 * @param pages          the scans' pages, every one recognised by ocr-service
 * @param ocrService     ocr-service over the burst: resting memory before it, peak, CPU time
 */
public record OcrBurst(Run textAlone, Run scans, Run textAfterScans, int pages, ProcessSampler.Usage ocrService) {

    /** Pages recognised per second of ocr-service's CPU time: per core, however busy the machine was. */
    public double pagesPerCoreSecond() {
        return ocrService.cpuSeconds() <= 0 ? 0 : pages / ocrService.cpuSeconds();
    }
}
