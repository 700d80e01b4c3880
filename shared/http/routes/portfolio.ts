import { LEDGER_ROLES, READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { exchangeRateBody, exchangeRateView, portfolioQuery, portfolioView } from '../schemas/portfolio';

export const recordExchangeRate = defineRoute({
  id: 'recordExchangeRate',
  method: 'POST',
  path: '/v1/exchange-rates',
  handlerEntry: 'functions/api/portfolio/record-exchange-rate.ts',
  summary: 'Record a dated exchange rate for portfolio totals',
  tag: 'Portfolio',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { body: exchangeRateBody },
  responses: { 201: { description: 'Rate recorded', schema: exchangeRateView } },
  idempotent: true,
});

export const getPortfolio = defineRoute({
  id: 'getPortfolio',
  method: 'GET',
  path: '/v1/portfolio',
  handlerEntry: 'functions/api/portfolio/get-portfolio.ts',
  summary: 'Receivables and aging per currency as of a date, with a total converted at dated rates',
  tag: 'Portfolio',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: portfolioQuery },
  responses: { 200: { description: 'Portfolio', schema: portfolioView } },
});
