package cn.dongcheng.platform.gateway.timeout;

import cn.dongcheng.platform.gateway.problem.ClientFault;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's clock runs only while the gateway waits for it with demand outstanding. */
class ClientReadWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final Sinks.Many<DataBuffer> client = Sinks.many().unicast().onBackpressureBuffer();

    private static DataBuffer bytes(int n) {
        return DefaultDataBufferFactory.sharedInstance.wrap(new byte[n]);
    }

    @Test
    void aClientSilentForTheTimeoutWhileTheGatewayWaitsFailsWith408() {
        StepVerifier.create(ClientReadWatch.watch(client.asFlux(), TIMEOUT, time), 10)
                .then(() -> client.tryEmitNext(bytes(1000)))
                .expectNextCount(1)
                .then(() -> time.advanceTimeBy(TIMEOUT.minusSeconds(1)))
                .expectNoEvent(Duration.ZERO)
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
                .expectErrorSatisfies(e -> {
                    assertThat(ClientFault.in(e)).isNotNull();
                    assertThat(ClientFault.in(e).getStatusCode().value()).isEqualTo(408);
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void eachArrivalStartsTheWaitAfresh() {
        StepVerifier.create(ClientReadWatch.watch(client.asFlux(), TIMEOUT, time), 100)
                .then(() -> {
                    for (int i = 0; i < 5; i++) {
                        time.advanceTimeBy(TIMEOUT.minusSeconds(5));
                        client.tryEmitNext(bytes(10));
                    }
                })
                .expectNextCount(5)
                .then(client::tryEmitComplete)
                .verifyComplete();
    }

    @Test
    void whileTheServiceTakesNothingTheClientIsNotToBlame() {
        StepVerifier.create(ClientReadWatch.watch(client.asFlux(), TIMEOUT, time), 1)
                .then(() -> client.tryEmitNext(bytes(10)))
                .expectNextCount(1)
                // no demand: the service reads slowly; minutes pass and the client sent everything it could
                .then(() -> time.advanceTimeBy(TIMEOUT.multipliedBy(5)))
                .expectNoEvent(Duration.ZERO)
                .thenRequest(1)
                .then(() -> time.advanceTimeBy(TIMEOUT.minusSeconds(1)))
                .expectNoEvent(Duration.ZERO)
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
                .expectError(ClientReadTimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }
}
