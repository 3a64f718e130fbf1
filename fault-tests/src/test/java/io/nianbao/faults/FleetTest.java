package io.nianbao.faults;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/** One {@link FaultPipeline} (four services and a mail catcher on the shared local stack) for the whole test class. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FleetTest {

    FaultPipeline pipeline;

    @BeforeAll
    void startPipeline(LocalStack stack) throws IOException {
        pipeline = FaultPipeline.start(stack);
    }

    @AfterAll
    void stopPipeline() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
