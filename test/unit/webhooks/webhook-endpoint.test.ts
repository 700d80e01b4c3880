import { ValidationError } from '../../../shared/domain/errors';
import { checkEndpointUrl } from '../../../shared/domain/webhooks/webhook-endpoint';

describe('endpoint URLs', () => {
  it('takes public https URLs', () => {
    expect(checkEndpointUrl('https://erp.example.com/hooks?x=1', 'https_only')).toBe(
      'https://erp.example.com/hooks?x=1',
    );
  });

  it.each([
    'http://erp.example.com/hooks',
    'http://localhost:8080/hooks',
    'https://localhost/hooks',
    'https://127.0.0.1/hooks',
    'https://10.1.2.3/hooks',
    'https://172.20.0.1/hooks',
    'https://192.168.1.1/hooks',
    'https://169.254.169.254/latest',
    'https://[::1]/hooks',
    'https://[fd00::1]/hooks',
    'https://metadata.internal/hooks',
    'https://user:pass@erp.example.com/hooks',
    'ftp://erp.example.com/hooks',
    'erp.example.com/hooks',
  ])('refuses %s in AWS', (url) => {
    expect(() => checkEndpointUrl(url, 'https_only')).toThrow(ValidationError);
  });

  it('lets the local runtime post to http://localhost, and nowhere else by http', () => {
    expect(checkEndpointUrl('http://localhost:4000/hook', 'https_or_local_http')).toBe(
      'http://localhost:4000/hook',
    );
    expect(checkEndpointUrl('http://127.0.0.1:4000/hook', 'https_or_local_http')).toBe(
      'http://127.0.0.1:4000/hook',
    );
    expect(() => checkEndpointUrl('http://example.com/hook', 'https_or_local_http')).toThrow(ValidationError);
  });
});
