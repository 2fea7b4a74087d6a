import { describe, expect, it } from 'vitest';
import {
  adaptCall,
  BACKEND_ADAPTERS,
  backendProfile,
  detect,
  detectBackend,
  isKnownUnsupported,
  supportOf,
  UNKNOWN_BACKEND,
} from '../../src/action/backend';
import { CATALOGUE } from '../../src/action/catalogue/index';

describe('detectBackend', () => {
  it.each([
    [{ app_name: 'NapCat.Onebot', protocol_version: 'v11', app_version: '4.18.19' }, 'napcat'],
    [{ app_name: 'go-cqhttp', app_version: 'v1.2.0', protocol_version: 'v11' }, 'go-cqhttp'],
    [{ app_name: 'Lagrange.OneBot', app_version: '0.0.3', protocol_version: 'v11' }, 'lagrange'],
    [{ app_name: 'LLOneBot' }, 'unknown'],
    [{ app_version: '1' }, 'unknown'],
    [null, 'unknown'],
    ['NapCat.Onebot', 'unknown'],
  ])('reads %j as %s', (info, backend) => {
    expect(detectBackend(info)).toBe(backend);
  });
});

describe('supportOf and isKnownUnsupported', () => {
  it('answer from the row support profile', () => {
    expect(supportOf('send_like', 'go-cqhttp')).toBe('unsupported');
    expect(supportOf('send_like', 'napcat')).toBe('supported');
    expect(supportOf('get_group_msg_history', 'lagrange')).toBe('serious');
    expect(isKnownUnsupported('send_like', 'go-cqhttp')).toBe(true);
    expect(isKnownUnsupported('delete_unidirectional_friend', 'napcat')).toBe(true);
    expect(isKnownUnsupported('send_msg', 'lagrange')).toBe(false);
  });

  it('say unknown for an undetected backend or an uncatalogued action, and never refuse those', () => {
    expect(supportOf('send_like', 'unknown')).toBe('unknown');
    expect(supportOf('no_such_action', 'napcat')).toBe('unknown');
    expect(supportOf('toString', 'napcat')).toBe('unknown');
    expect(isKnownUnsupported('no_such_action', 'go-cqhttp')).toBe(false);
    expect(isKnownUnsupported('send_like', 'unknown')).toBe(false);
  });
});

describe('adaptCall', () => {
  it('sends the model-show actions under their real underscore names on NapCat and go-cqhttp', () => {
    expect(adaptCall('get_model_show', { model: 'm' }, 'napcat')).toEqual({ action: '_get_model_show', params: { model: 'm' } });
    expect(adaptCall('set_model_show', { model: 'm', model_show: 's' }, 'napcat').action).toBe('_set_model_show');
    // go-cqhttp's router (modules/api/api.go) registers `_get_model_show` / `_set_model_show` only.
    expect(adaptCall('get_model_show', { model: 'm' }, 'go-cqhttp')).toEqual({ action: '_get_model_show', params: { model: 'm' } });
    expect(adaptCall('get_model_show', { model: 'm' }, 'lagrange')).toEqual({ action: 'get_model_show', params: { model: 'm' } });
  });

  it('fills a required out_format of get_record without overriding the caller', () => {
    expect(adaptCall('get_record', { file: 'a.amr' }, 'napcat').params).toEqual({ file: 'a.amr', out_format: 'mp3' });
    expect(adaptCall('get_record', { file: 'a.amr', out_format: 'wav' }, 'go-cqhttp').params).toEqual({ file: 'a.amr', out_format: 'wav' });
    expect(adaptCall('get_record', { file: 'a.amr', out_format: undefined }, 'napcat').params).toEqual({ file: 'a.amr', out_format: 'mp3' });
  });

  it('passes everything else through untouched', () => {
    const params = { group_id: 1 };
    expect(adaptCall('get_group_info', params, 'napcat').params).toBe(params);
    expect(adaptCall('get_record', { file: 'a' }, 'unknown')).toEqual({ action: 'get_record', params: { file: 'a' } });
  });

  it('adapts only catalogued actions, to names NapCat registers', () => {
    for (const table of Object.values(BACKEND_ADAPTERS)) {
      for (const [name, adapter] of Object.entries(table)) {
        expect(name in CATALOGUE).toBe(true);
        if (adapter.action !== undefined) expect(adapter.action in CATALOGUE).toBe(true);
      }
    }
  });
});

describe('BackendProfile', () => {
  it('is detected from a version-info reply as one shared value per backend', () => {
    expect(detect({ app_name: 'NapCat.Onebot' })).toBe(backendProfile('napcat'));
    expect(detect({ app_name: 'Lagrange.OneBot' }).name).toBe('lagrange');
    expect(detect({ app_name: 'LLOneBot' })).toBe(UNKNOWN_BACKEND);
    expect(detect(undefined)).toBe(UNKNOWN_BACKEND);
  });

  it('answers supports() and adapt() from the catalogue profile and the adapters', () => {
    const gocq = backendProfile('go-cqhttp');
    expect(gocq.supports('send_like')).toBe(false);
    expect(gocq.supports('send_msg')).toBe(true);
    expect(gocq.supports('no_such_action')).toBe(true);
    expect(UNKNOWN_BACKEND.supports('send_like')).toBe(true);
    expect(backendProfile('napcat').adapt('get_model_show', { model: 'm' })).toEqual({ action: '_get_model_show', params: { model: 'm' } });
    expect(UNKNOWN_BACKEND.adapt('get_model_show', { model: 'm' })).toEqual({ action: 'get_model_show', params: { model: 'm' } });
  });

  it('writes unsafe IDs as strings only for NapCat', () => {
    expect(backendProfile('napcat').unsafeIdsAsStrings).toBe(true);
    expect(backendProfile('go-cqhttp').unsafeIdsAsStrings).toBe(false);
    expect(UNKNOWN_BACKEND.unsafeIdsAsStrings).toBe(false);
  });
});
