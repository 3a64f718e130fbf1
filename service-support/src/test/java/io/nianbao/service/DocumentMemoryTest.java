package io.nianbao.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentMemoryTest {

    private static final long MB = 1024 * 1024;

    private final DocumentMemory memory = new DocumentMemory(DataSize.ofMegabytes(24));
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        otherThread.shutdownNow();
    }

    @Test
    void documentsThatFitTogetherAreHeldTogether() {
        try (DocumentMemory.Hold first = memory.hold(10 * MB); DocumentMemory.Hold second = memory.hold(10 * MB)) {
            assertThat(memory.freeBytes()).isEqualTo(4 * MB);
        }
        assertThat(memory.freeBytes()).isEqualTo(24 * MB);
    }

    @Test
    void aDocumentThatDoesNotFitWaitsUntilAnotherIsDone() throws Exception {
        DocumentMemory.Hold big = memory.hold(20 * MB);
        CompletableFuture<DocumentMemory.Hold> next = CompletableFuture.supplyAsync(() -> memory.hold(10 * MB), otherThread);

        assertStillWaiting(next);
        big.close();
        next.get(5, TimeUnit.SECONDS).close();
        assertThat(memory.freeBytes()).isEqualTo(24 * MB);
    }

    @Test
    void aDocumentLargerThanTheBudgetWaitsForAllOfItAndHoldsIt() throws Exception {
        DocumentMemory.Hold small = memory.hold(1);
        CompletableFuture<DocumentMemory.Hold> huge = CompletableFuture.supplyAsync(() -> memory.hold(100 * MB), otherThread);

        assertStillWaiting(huge);
        small.close();
        try (DocumentMemory.Hold held = huge.get(5, TimeUnit.SECONDS)) {
            assertThat(memory.freeBytes()).isZero();
        }
    }

    @Test
    void aLargeDocumentWaitingIsNotOvertakenBySmallOnes() throws Exception {
        DocumentMemory.Hold first = memory.hold(20 * MB);
        CompletableFuture<DocumentMemory.Hold> large = CompletableFuture.supplyAsync(() -> memory.hold(20 * MB), otherThread);
        assertStillWaiting(large);

        // 4 MB are free, but the large document asked first.
        CompletableFuture<DocumentMemory.Hold> small = CompletableFuture.supplyAsync(() -> memory.hold(MB));
        assertStillWaiting(small);
        first.close();
        large.get(5, TimeUnit.SECONDS).close();
        small.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void aThreadHoldingAShareGetsMoreWithoutWaitingAndOthersWaitForIt() throws Exception {
        try (DocumentMemory.Hold body = memory.hold(MB); DocumentMemory.Hold fetched = memory.hold(24 * MB)) {
            assertThat(memory.freeBytes()).isNegative();
            CompletableFuture<DocumentMemory.Hold> other = CompletableFuture.supplyAsync(() -> memory.hold(1), otherThread);
            assertStillWaiting(other);
            fetched.close();
            body.close();
            other.get(5, TimeUnit.SECONDS).close();
        }
        assertThat(memory.freeBytes()).isEqualTo(24 * MB);
    }

    @Test
    void aShareGivenBackByAnotherThreadLeavesTheHolderWaitingAgainForItsNext() throws Exception {
        DocumentMemory.Hold theirs = CompletableFuture.supplyAsync(() -> memory.hold(20 * MB), otherThread).get(5, TimeUnit.SECONDS);
        theirs.close();
        DocumentMemory.Hold mine = memory.hold(20 * MB);

        // Had the share been counted against this thread, the other would now take 20 MB more at once.
        CompletableFuture<DocumentMemory.Hold> next = CompletableFuture.supplyAsync(() -> memory.hold(20 * MB), otherThread);
        assertStillWaiting(next);
        mine.close();
        next.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void givingBackTwiceGivesBackOnce() {
        DocumentMemory.Hold hold = memory.hold(MB);
        hold.close();
        hold.close();
        assertThat(memory.freeBytes()).isEqualTo(24 * MB);
    }

    private static void assertStillWaiting(CompletableFuture<?> hold) throws InterruptedException {
        Thread.sleep(300);
        assertThat(hold).as("still waiting for memory").isNotDone();
    }
}
