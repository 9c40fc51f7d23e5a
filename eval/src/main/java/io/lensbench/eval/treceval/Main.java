package io.lensbench.eval.treceval;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;

/** Command-line entry point behaving like the trec_eval binary (the only place that exits the JVM). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        int status = 0;
        try {
            TrecEvalOptions o = TrecEvalOptions.parse(args);
            TrecEval.run(o, out, err, System.in);
        } catch (TrecEvalException e) {
            try {
                out.flush();
                err.write(CText.bytes(e.getMessage()));
                err.flush();
            } catch (java.io.IOException io) {
                // ignore
            }
            status = e.exitCode();
        }
        System.exit(status);
    }
}
