// Kubernetes-API STAND-IN (falco-doctor kube lab): the kubeconfig a test hands @kubernetes/client-node, and
// the API server's certificate it trusts (certificate-authority-data), as a kubeadm cluster's would be.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A certificate for 127.0.0.1, its own CA (as kubeadm's API server certificate is signed by the cluster CA). */
export function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, 'apiserver.key');
  const cert = path.join(dir, 'apiserver.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=kube-apiserver',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

export function kubeconfigText(server: string, token: string, ca: Buffer): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    '# falco-doctor kube lab: a Kubernetes-API STAND-IN on loopback, not a cluster',
    'clusters:',
    `- name: kube-lab`,
    `  cluster: {server: "${server}", certificate-authority-data: ${ca.toString('base64')}}`,
    'users:',
    `- name: kube-lab-admin`,
    `  user: {token: "${token}"}`,
    'contexts:',
    '- name: kube-lab',
    '  context: {cluster: kube-lab, user: kube-lab-admin, namespace: default}',
    'current-context: kube-lab',
    '',
  ].join('\n');
}
