package org.naoyu.datasets.record;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who and what a recording is of, in BIDS terms: participant pseudonym, session, task and run. The labels become
 * part of file names, so they must be BIDS labels (letters and digits only): a pseudonym, never a name.
 */
public record SessionInfo(String participant, String session, String task, int run) {
    public SessionInfo {
        label("participant", participant);
        label("session", session);
        label("task", task);
        if (run < 1 || run > 999) {
            throw new IllegalArgumentException("run must be in [1, 999], got " + run);
        }
    }

    private static void label(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9]{1,64}")) {
            throw new IllegalArgumentException(field + " must be a BIDS label of 1-64 letters and digits (a "
                    + "pseudonym, not a name), got '" + value + "'");
        }
    }

    /** {@code root/sub-P07/ses-01/ieeg/sub-P07_ses-01_task-calibration_run-01_ieeg.xdf}. */
    public Path bidsPath(Path root) {
        String base = "sub-" + participant + "_ses-" + session + "_task-" + task + "_run-"
                + String.format("%02d", run) + "_ieeg.xdf";
        return root.resolve("sub-" + participant).resolve("ses-" + session).resolve("ieeg").resolve(base);
    }

    /** The next run, for a file name that is taken. */
    public SessionInfo nextRun() {
        return new SessionInfo(participant, session, task, run + 1);
    }

    /** The fields written into the XDF file header. */
    public Map<String, String> headerFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("participant", participant);
        fields.put("session", session);
        fields.put("task", task);
        fields.put("run", Integer.toString(run));
        return fields;
    }
}
