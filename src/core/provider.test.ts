import { describe, expect, it } from 'vitest';
import { processImage } from './provider.js';

describe('processImage', () => {
  it('appends the stage to the image name, keeping the registry, port and tag', () => {
    expect(processImage('shop:1.2', 'tools')).toBe('shop-tools:1.2');
    expect(processImage('shop', 'tools')).toBe('shop-tools');
    expect(processImage('registry.example.com:5000/team/shop:2025-01', 'tools')).toBe('registry.example.com:5000/team/shop-tools:2025-01');
    expect(processImage('localhost:5000/shop', 'tools')).toBe('localhost:5000/shop-tools');
  });
});
