package io.knag.referencebot;

/**
 * knag/reference-bot: a moving-average crossover strategy that trades on a Binance-style spot API (the paper
 * exchange) with the key of its credentials file, reports what it does, says in plain words what it decided
 * and why (never a secret), and on SIGTERM cancels its open orders and exits 0. Exit 2: bad configuration.
 */
public final class ReferenceBot {

    private ReferenceBot() {
    }

    public static void main(String[] args) throws Exception {
        BotConfig config;
        try {
            config = BotConfig.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("reference-bot: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("reference-bot " + config.botId() + " starting: " + config);
        Trader trader = new Trader(config, new ExchangeClient(config.brokerUrl(), config.apiKey(), config.apiSecret()),
                new Reporter(config.eventsUrl(), config.reportToken(), config.botId()));
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            trader.stop();
            main.interrupt();
            System.out.println("reference-bot " + config.botId() + " stopped");
        }));
        try {
            trader.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
