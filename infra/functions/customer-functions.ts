import {
  adjustPointsRoute,
  createCustomerRoute,
  createFeedbackRoute,
  findCustomersRoute,
  getCustomerRoute,
  getPointsRoute,
  listFeedbackRoute,
  resolveFeedbackRoute,
  updateCustomerRoute,
} from '../../lib/customers/customer-routes.js';
import { eraseCustomerRoute, exportCustomerRoute } from '../../lib/customers/privacy-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const customerFunctions = {
  createCustomer: {
    entry: 'functions/customers/create-customer.ts',
    description: 'Register a customer',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createCustomerRoute }],
  },
  findCustomers: {
    entry: 'functions/customers/find-customers.ts',
    description: 'Find a customer by email or phone',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: findCustomersRoute }],
  },
  getCustomer: {
    entry: 'functions/customers/get-customer.ts',
    description: 'Get a customer',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getCustomerRoute }],
  },
  updateCustomer: {
    entry: 'functions/customers/update-customer.ts',
    description: 'Change a customer',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: updateCustomerRoute }],
  },
  createFeedback: {
    entry: 'functions/customers/create-feedback.ts',
    description: 'Record customer feedback',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createFeedbackRoute }],
  },
  listFeedback: {
    entry: 'functions/customers/list-feedback.ts',
    description: 'List a customer’s feedback',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listFeedbackRoute }],
  },
  resolveFeedback: {
    entry: 'functions/customers/resolve-feedback.ts',
    description: 'Resolve customer feedback',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: resolveFeedbackRoute }],
  },
  getCustomerPoints: {
    entry: 'functions/customers/get-customer-points.ts',
    description: 'A customer’s points balance and ledger',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getPointsRoute }],
  },
  adjustCustomerPoints: {
    entry: 'functions/customers/adjust-customer-points.ts',
    description: 'Add or take a customer’s loyalty points by hand',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: adjustPointsRoute }],
  },
  eraseCustomer: {
    entry: 'functions/customers/erase-customer.ts',
    description: 'Erase a customer’s personal data on request',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: eraseCustomerRoute }],
  },
  exportCustomer: {
    entry: 'functions/customers/export-customer.ts',
    description: 'Everything held about a customer, as JSON',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: exportCustomerRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;
