package org.wushe.directory.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.InvalidValueException;

/**
 * The importable lists by their URL segment (each slice's {@link SpreadsheetImports} bean); the page and API
 * controllers share it.
 */
@Component
class ImportKinds {

    static final String PATTERN = "{kind:organisations|social-workers|volunteers}";

    private final Map<String, SpreadsheetImports<?>> imports;

    ImportKinds(List<SpreadsheetImports<?>> imports) {
        this.imports =
                imports.stream().collect(Collectors.toUnmodifiableMap(SpreadsheetImports::kind, Function.identity()));
    }

    SpreadsheetImports<?> of(String kind) {
        SpreadsheetImports<?> found = imports.get(kind);
        if (found == null) { // the mappings' PATTERN admits only the three kinds
            throw new InvalidValueException("import.notFound");
        }
        return found;
    }

    static MultipartFile required(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidValueException("import.file.required");
        }
        return file;
    }

    ResponseEntity<byte[]> template(String kind) {
        return xlsx(of(kind).template(), kind + "-template.xlsx");
    }

    ResponseEntity<byte[]> errors(String kind, UUID id) {
        return xlsx(
                of(kind).errorWorkbook(id).orElseThrow(() -> new InvalidValueException("import.notFound")),
                kind + "-errors.xlsx");
    }

    private static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XlsxDownload.CONTENT_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }
}
