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
import type { FunctionDefinition } from '../app-definition-types.js';

export const customerFunctions = {
  createCustomer: {
    entry: 'functions/customers/create-customer.ts',
    description: 'Register a customer',
    tableAccess: 'read-write',
    routes: [createCustomerRoute],
  },
  findCustomers: {
    entry: 'functions/customers/find-customers.ts',
    description: 'Find a customer by email or phone',
    tableAccess: 'read',
    routes: [findCustomersRoute],
  },
  getCustomer: {
    entry: 'functions/customers/get-customer.ts',
    description: 'Get a customer',
    tableAccess: 'read',
    routes: [getCustomerRoute],
  },
  updateCustomer: {
    entry: 'functions/customers/update-customer.ts',
    description: 'Change a customer',
    tableAccess: 'read-write',
    routes: [updateCustomerRoute],
  },
  createFeedback: {
    entry: 'functions/customers/create-feedback.ts',
    description: 'Record customer feedback',
    tableAccess: 'read-write',
    routes: [createFeedbackRoute],
  },
  listFeedback: {
    entry: 'functions/customers/list-feedback.ts',
    description: 'List a customer’s feedback',
    tableAccess: 'read',
    routes: [listFeedbackRoute],
  },
  resolveFeedback: {
    entry: 'functions/customers/resolve-feedback.ts',
    description: 'Resolve customer feedback',
    tableAccess: 'read-write',
    routes: [resolveFeedbackRoute],
  },
  getCustomerPoints: {
    entry: 'functions/customers/get-customer-points.ts',
    description: 'A customer’s points balance and ledger',
    tableAccess: 'read',
    routes: [getPointsRoute],
  },
  adjustCustomerPoints: {
    entry: 'functions/customers/adjust-customer-points.ts',
    description: 'Add or take a customer’s loyalty points by hand',
    tableAccess: 'read-write',
    routes: [adjustPointsRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;
