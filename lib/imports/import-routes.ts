import { defineRoute, documentRoute } from '../http/route.js';
import { CreatedImportView, CreateImportBody, ImportJobView, ImportParams } from './import-job-schemas.js';

const tag = 'Imports';

export const createImportRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createImport',
    method: 'POST',
    path: '/imports',
    summary: 'Start a bulk import: get a presigned URL to upload the CSV file to (admin, manager)',
    tag,
    access: 'imports:write',
    body: CreateImportBody,
  }))();

export const createImportDocs = /* @__PURE__ */ (() =>
  documentRoute(createImportRoute, {
    responses: {
      201: {
        description:
          'The import, waiting for its file; uploading it starts the import (poll GET /imports/{importId}). The caller also needs the permission of what the file changes: catalog:write for products, inventory:adjust and the store for stock, customers:write for customers (403 otherwise).',
        schema: CreatedImportView,
        headers: ['location'],
      },
    },
    errors: [403, 404],
  }))();

export const getImportRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getImport',
    method: 'GET',
    path: '/imports/{importId}',
    summary: 'An import: status, counts and a link to its report',
    tag,
    access: 'imports:read',
    params: ImportParams,
  }))();

export const getImportDocs = /* @__PURE__ */ (() =>
  documentRoute(getImportRoute, {
    responses: {
      200: {
        description:
          'The import. Admin and finance see every import; others the imports they started or those of their stores (404 otherwise).',
        schema: ImportJobView,
      },
    },
    errors: [404],
  }))();
