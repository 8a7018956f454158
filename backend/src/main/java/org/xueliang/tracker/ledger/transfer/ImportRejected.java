package org.xueliang.tracker.ledger.transfer;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.xueliang.tracker.shared.ApiException;

/** The 422 (and 413) answers of an import that changed nothing, all titled "Import rejected". */
final class ImportRejected {

    static final String TITLE = "Import rejected";

    private ImportRejected() {
    }

    static ApiException because(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, TITLE, detail, null);
    }

    /** 413: the upload is within the upload limit but unpacks to more than the import will read. */
    static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, TITLE, detail, null);
    }

    static ApiException tooManyRows(int max) {
        return because(String.format("The file has more than %,d device rows; split it into files of at most %,d rows", max, max));
    }

    static ApiException header(List<RowProblem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, TITLE,
                "The header row is invalid; nothing was imported", problems);
    }

    static ApiException rows(List<RowProblem> problems, int badRows, int rows) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, TITLE,
                badRows + " of " + rows + " rows are invalid; nothing was imported", problems);
    }
}
