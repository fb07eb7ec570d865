package br.com.bidiq.storage.entity;

import java.net.URI;
import java.nio.file.Path;

/** A report ready to hand out: a local file to stream, or a storage URL to redirect to. */
public record ReportDownload(Path file, String fileName, URI redirect) {}
