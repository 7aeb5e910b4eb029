id: consult-vaccination-after-moving
kind: consult
title: 搬家后儿童预防接种
domain: health
subject: 孩子从外地搬回随州，疫苗怎么接着打
keypoint: 预防接种证 | 接种证
keypoint: 接种门诊 | 社区卫生服务中心 | 卫生院 | 接种单位
keypoint: 免费
reference: 请携带孩子的预防接种证，到现居住地的接种单位（社区卫生服务中心或乡镇卫生院的预防接种门诊）登记建档，接种人员会根据原来的接种记录安排后续接种。国家免疫规划疫苗免费接种；非免疫规划疫苗按知情、自愿、自费的原则接种。
valid_from: 2023-01-01
valid_until: 2026-12-31

我们全家从广东搬回随州，孩子两岁，疫苗还没打完。请问在随州接着打疫苗要办什么手续？要钱吗？
