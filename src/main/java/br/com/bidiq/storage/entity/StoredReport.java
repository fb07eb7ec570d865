package br.com.bidiq.storage.entity;

/** Where a stored report can be fetched: by id through /api/download, and by a direct URL when storage has one. */
public record StoredReport(String downloadId, String downloadUrl) {}
