-- Where the portal published the report's original document (report.validated's documentUrl), for
-- the inbox's link to it; null when the document was uploaded, and for reports kept before.
alter table report add column document_url text;
