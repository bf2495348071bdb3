-- The industry classifications the system starts with; admins add more once the authorities confirm them (FAQ site-code 6).
INSERT INTO categories(code, name_zh, name_en, created_at, created_by) VALUES
 ('MALL', '商场超市', 'Shopping mall / supermarket', 0, 'system'),
 ('MARKET', '农贸市场', 'Farmers'' market', 0, 'system'),
 ('RESTAURANT', '餐饮场所', 'Restaurant', 0, 'system'),
 ('HOTEL', '宾馆酒店', 'Hotel', 0, 'system'),
 ('HOSPITAL', '医疗机构', 'Hospital / clinic', 0, 'system'),
 ('CARE-HOME', '养老机构', 'Care home', 0, 'system'),
 ('SCHOOL', '学校', 'School', 0, 'system'),
 ('OFFICE', '办公楼宇', 'Office building', 0, 'system'),
 ('GOVERNMENT', '政务服务场所', 'Public service hall', 0, 'system'),
 ('TRANSPORT', '交通场站', 'Transport station', 0, 'system'),
 ('TAXI', '出租车网约车', 'Taxi / ride-hailing car', 0, 'system'),
 ('SHIP', '客运船舶', 'Passenger ship', 0, 'system'),
 ('CULTURE', '文体娱乐场所', 'Culture, sport and entertainment', 0, 'system'),
 ('RESIDENTIAL', '居民小区', 'Residential compound', 0, 'system');
