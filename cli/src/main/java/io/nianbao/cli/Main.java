package io.nianbao.cli;

import java.util.Arrays;

/** Entry point of the ./nianbao launcher: dispatches to one subcommand. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (args[0]) {
            case "check" -> CheckCommand.run(rest);
            case "demo" -> DemoCommand.run(rest);
            case "bench" -> BenchCommand.run(rest);
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(exit);
    }

    private static void usage() {
        System.err.println("""
                用法：
                  nianbao check 文件 [--format json|text] [--agency 机关] [--level DEPARTMENT|GOVERNMENT|TOWNSHIP]
                                     [--year 年度] [--published YYYY-MM-DD] [--previous 上年报告]
                  nianbao demo [--once]
                  nianbao bench [--quick] [--reports 份数] [--rate 每秒份数] [--year-state] [--out 结果.json]""");
    }
}
